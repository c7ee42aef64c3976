import { describe, expect, it } from 'vitest';
import { stemEnglish } from './english-stemmer';
import { buildSnippet, highlightRanges, markdownToPlainText } from './highlight';
import { buildTsquery, buildTsvector, choose, compoundSplits, joinedParts, matchFormsOf, parseQuery, stripParticle, tokenizeForIndex } from './tokenize';

/** True when a query's tokens would match a text's, by a tiny evaluator of the tsquery literal over the tokens. */
function matches(query: string, text: string): boolean {
  const tsquery = buildTsquery(parseQuery(query));
  if (tsquery === null) return false;
  const tokens = new Set(tokenizeForIndex(text));
  const expression = tsquery
    .replace(/'((?:[^']|'')*)'(:\*)?/g, (_whole, lexeme: string, prefix: string | undefined) => {
      const term = lexeme.replace(/''/g, "'");
      const found = prefix ? [...tokens].some((t) => t.startsWith(term)) : tokens.has(term);
      return found ? 'true' : 'false';
    })
    .replace(/&/g, '&&')
    .replace(/\|/g, '||');
  return Boolean(new Function(`return ${expression};`)());
}

describe('tokenizeForIndex', () => {
  it('indexes a Hangul run whole and as overlapping two-syllable pieces', () => {
    expect(tokenizeForIndex('세션이')).toEqual(['세션이', '세션', '션이']);
    expect(tokenizeForIndex('팀')).toEqual(['팀']);
  });

  it('keeps two-letter Latin words and adds English stems beside the words', () => {
    expect(tokenizeForIndex('PI AD connections')).toEqual(['pi', 'ad', 'connections', 'connect']);
  });

  it('keeps numbers and versions whole, with the leading parts of a dotted version', () => {
    expect(tokenizeForIndex('v10 2017 3.4.380 2018r2')).toEqual(['v10', '2017', '3.4.380', '3.4', '2018r2']);
    expect(tokenizeForIndex('version 1.2.')).toEqual(['version', '1.2']);
  });

  it('splits mixed words at the script boundary', () => {
    expect(tokenizeForIndex('PI서버')).toEqual(['pi', '서버']);
    expect(tokenizeForIndex('PI Server 라이선스 활성화')).toEqual(['pi', 'server', '라이선스', '라이', '이선', '선스', '활성화', '스활', '활성', '성화']);
  });

  it('adds the piece across one space between Hangul words, so spacing variants meet', () => {
    expect(tokenizeForIndex('원격 지원')).toEqual(['원격', '지원', '격지']);
    expect(tokenizeForIndex('원격지원')).toEqual(['원격지원', '원격', '격지', '지원']);
  });

  it('drops emoji, symbols, punctuation and lone jamo without failing', () => {
    expect(tokenizeForIndex('😀👍 ★ → ©️ &|!:*\'\\ ㅋㅋㅋ')).toEqual([]);
    expect(tokenizeForIndex('좋아요😀! great👍')).toEqual(['좋아요', '좋아', '아요', 'great']);
  });

  it('normalizes full-width letters (NFKC) and case', () => {
    expect(tokenizeForIndex('ＰＩ Ｓｅｒｖｅｒ')).toEqual(['pi', 'server']);
  });
});

describe('stemEnglish (Porter2)', () => {
  it.each([
    ['connections', 'connect'],
    ['connected', 'connect'],
    ['connecting', 'connect'],
    ['licensing', 'licens'],
    ['licenses', 'licens'],
    ['installation', 'instal'],
    ['generously', 'generous'],
    ['hopping', 'hop'],
    ['hoping', 'hope'],
    ['ponies', 'poni'],
    ['ties', 'tie'],
    ['gas', 'gas'],
    ['happy', 'happi'],
    ['news', 'news'],
  ])('%s → %s', (word, stem) => {
    expect(stemEnglish(word)).toBe(stem);
  });
});

describe('buildTsvector', () => {
  it('weighs the title and reference A, the summary B and the body C, with positions running on', () => {
    expect(buildTsvector({ title: 'PI Server', summary: '요약', body: 'Servers', reference: '10000001' })).toBe(
      "'pi':1A 'server':2A,8C '10000001':4A '요약':6B 'servers':8C",
    );
  });

  it('keeps one position per weight of a lexeme, however often it occurs', () => {
    expect(buildTsvector({ title: 'server server', body: 'server, server and server' })).toBe("'server':1A,4C 'and':6C");
  });

  it('quotes lexemes: single quotes and backslashes doubled', () => {
    // The tokenizer never makes such lexemes; the literal stays correct should one appear.
    expect(buildTsvector({ title: '' })).toBe('');
    expect(buildTsquery({ text: "it's", words: [{ kind: 'other', raw: "a'b\\c", pieces: ["a'b\\c"] }], reference: null })).toBe("'a''b\\\\c'");
  });
});

describe('parseQuery and buildTsquery', () => {
  it('finds 세션이 and 세션을 with 세션, and 세션 with them', () => {
    expect(matches('세션', '원격지원세션이 끊어졌습니다')).toBe(true);
    expect(matches('세션이', '세션을 다시 연결하세요')).toBe(true);
    expect(matches('세션을', '세션 관리')).toBe(true);
  });

  it('strips a particle before taking the pieces: 라이선스를 finds 라이선스 and 라이선스가', () => {
    expect(stripParticle('라이선스를')).toBe('라이선스');
    expect(stripParticle('서버에서')).toBe('서버');
    expect(stripParticle('아이')).toBe('아이');
    expect(matches('라이선스를', 'PI Server 라이선스 활성화')).toBe(true);
    expect(matches('라이선스', '라이선스가 만료되었습니다')).toBe(true);
    expect(matches('라이선스를', '라이브러리 선스')).toBe(false);
  });

  it('matches spacing variants both ways', () => {
    expect(matches('원격지원', '원격 지원 세션')).toBe(true);
    expect(matches('원격 지원', '원격지원세션')).toBe(true);
  });

  it('matches mixed-script queries', () => {
    expect(matches('PI Server 라이선스 활성화', 'PI Server의 라이선스를 활성화하는 방법')).toBe(true);
    expect(matches('PI Server 라이선스 활성화', 'PI서버의 라이선스를 활성화하는 방법')).toBe(false);
    expect(matches('PI서버', 'PI Server 설치')).toBe(false);
    expect(matches('PI서버', 'PI 서버 설치')).toBe(true);
  });

  it('lets a single letter or digit match alone, in the any-word fallback, only when the query has nothing longer', () => {
    expect(buildTsquery(parseQuery('<script>alert(1)</script>'), undefined, { mode: 'or' })).toBe("'script' | 'alert'");
    expect(buildTsquery(parseQuery('<script>alert(1)</script>'))).toBe("'script' & 'alert' & '1'");
    expect(buildTsquery(parseQuery('1'), undefined, { mode: 'or' })).toBe("'1'");
  });

  it('cuts a word of letters in two every way with two letters or more a side, and matches a cut as both halves', () => {
    expect(compoundSplits('opcda')).toEqual(['op cda', 'opc da']);
    expect(compoundSplits('pivision')).toContain('pi vision');
    for (const word of ['abc', 'v10x', 'server2024', 'a'.repeat(15)]) expect(compoundSplits(word), word).toEqual([]);
    const parsed = parseQuery('opcda');
    expect(buildTsquery(parsed, new Map([['opcda', ['opc da']]]))).toBe("( 'opcda':* | ( 'opc' & 'da' ) )");
  });

  it('matches letters and a number written together as the separate words too (server2024 → server 2024), never a short part', () => {
    expect(matches('Server2024', 'Windows Server 2024 support')).toBe(true);
    expect(matches('windows10 drivers', 'Drivers for Windows 10')).toBe(true);
    expect(matches('PI2017', 'PI Server 2017 R2')).toBe(true);
    expect(matches('servers2024', 'Windows Server 2024')).toBe(true);
    expect(matches('Server2024', 'Windows Server2024 support')).toBe(true);
    expect(matches('Server2024', 'Windows Server 2019 support')).toBe(false);
    expect(joinedParts('server2024')).toEqual(['server', '2024']);
    for (const whole of ['v10', 'x64', 'win7', '3.4.380', 'opcda', '2024']) expect(joinedParts(whole), whole).toEqual([]);
    expect(matches('v10', 'AnySupport version 10')).toBe(false);
  });

  it('matches versions whole and by their leading parts', () => {
    expect(matches('3.4.380', 'PI Server 3.4.380 release')).toBe(true);
    expect(matches('3.4', 'PI Server 3.4.380 release')).toBe(true);
    expect(matches('v10', 'AnySupport v10 console')).toBe(true);
    expect(matches('2017', 'korean language pack 2017')).toBe(true);
    expect(matches('3.4.381', 'PI Server 3.4.380 release')).toBe(false);
  });

  it('stems English words and treats the last word as a beginning once it has three letters', () => {
    expect(matches('connection', 'Lost connections to the server')).toBe(true);
    expect(matches('download conn', 'download connectors')).toBe(true);
    expect(matches('download co', 'download connectors')).toBe(false);
    expect(parseQuery('download conn ').words.at(-1)).toMatchObject({ raw: 'conn', prefix: false });
  });

  it('drops common English words when there are others, and ANDs or ORs the rest', () => {
    const parsed = parseQuery('how to install the server');
    expect(parsed.words.map((w) => w.raw)).toEqual(['install', 'server']);
    expect(buildTsquery(parsed)).toBe("( 'instal' | 'install' ) & ( 'server':* )".replace("( 'server':* )", "'server':*"));
    expect(buildTsquery(parsed, undefined, { mode: 'or' })).toBe("( 'instal' | 'install' ) | 'server':*");
    expect(parseQuery('the').words.map((w) => w.raw)).toEqual(['the']);
  });

  it('drops Korean words that say how, not what, when there are others', () => {
    expect(parseQuery('원격지원 세션이 연결되지 않습니다').words.map((w) => w.raw)).toEqual(['원격지원', '세션이', '연결되지']);
    expect(parseQuery('라이선스 활성화 방법 문의드립니다').words.map((w) => w.raw)).toEqual(['라이선스', '활성화', '방법']);
    // Alone, it is what the person asked for.
    expect(parseQuery('않습니다').words.map((w) => w.raw)).toEqual(['않습니다']);
  });

  it('drops a particle written against a Latin word (Edge에서, PI Server에서는), which would otherwise be a word to match', () => {
    expect(parseQuery('Edge에서 느려요').words.map((w) => w.raw)).toEqual(['edge', '느려요']);
    expect(parseQuery('PI Server에서는 license를 과도하게').words.map((w) => w.raw)).toEqual(['pi', 'server', 'license', '과도하게']);
    expect(parseQuery('PI Vision 에서 한글이 깨져요').words.map((w) => w.raw)).toEqual(['pi', 'vision', '한글이', '깨져요']);
    expect(matches('Edge에서 느려요', 'Edge 브라우저가 느려요')).toBe(true);
    expect(matches('Edge에서 느려요', '포털에서 느려요')).toBe(false);
    // A word that merely ends like one stays.
    expect(parseQuery('과도 부터').words.map((w) => w.raw)).toEqual(['과도']);
  });

  it('finds a word by its other spellings, Korean loanwords and British or American English, both ways', () => {
    expect(matches('라이센스를', 'PI Server 라이선스 활성화')).toBe(true);
    expect(matches('라이선스', '라이센스 파일을 올리세요')).toBe(true);
    expect(matches('고객포탈', '고객 포털에 로그인')).toBe(true);
    expect(matches('PI 비젼', 'PI Vision(비전) 디스플레이')).toBe(true);
    expect(matches('메뉴얼', '설치 매뉴얼')).toBe(true);
    expect(matches('license file', 'Upload the licence file')).toBe(true);
    expect(matches('licence', 'the license expired')).toBe(true);
    expect(matches('catalogue', 'Product catalog')).toBe(true);
    // Only the spelling of the loanword changes: the rest of the word still has to match.
    expect(matches('라이센스를', '라이브러리 센스')).toBe(false);
    expect(buildTsquery(parseQuery('라이센스'))).toBe(
      "( ( '라이센스' | ( '라이' & '이센' & '센스' ) ) | ( '라이선스' | ( '라이' & '이선' & '선스' ) ) )",
    );
  });

  it('ORs a typo with its corrections', () => {
    expect(buildTsquery(parseQuery('licnse key'), new Map([['licnse', ['licence']]]))).toBe("( 'licns' | 'licnse' | 'licence' | 'licenc' | 'license' | 'licens' ) & 'key':*");
  });

  it('matches and highlights the other spelling of a correction (licnese → license finds licence)', () => {
    const corrections = new Map([['licnese', ['license']]]);
    expect(buildTsquery(parseQuery('licnese'), corrections)).toContain("'licence'");
    const text = 'Apply the licence file';
    expect(highlightRanges(text, matchFormsOf(parseQuery('licnese'), corrections)).map(([s, e]) => text.slice(s, e))).toEqual(['licence']);
  });

  it('answers null for nothing searchable and turns operators and SQL into plain words', () => {
    for (const q of ['', '   ', '...', '& | ! :* \'', '😀😀', '\\\\']) expect(buildTsquery(parseQuery(q))).toBeNull();
    expect(buildTsquery(parseQuery("'; drop table cases; --"))).toBe("'drop' & ( 'tabl' | 'table' ) & ( 'case' | 'cases' )");
    expect(buildTsquery(parseQuery("x&b|c!d:*e'f g"))).toBe("'x' & 'b' & 'c' & 'd' & 'ef' & 'g'");
  });

  it('asks for any k of the words: all but one, …, any word', () => {
    // A trailing space: the last word is finished, not a beginning.
    const parsed = parseQuery('archive backup failed ');
    expect(buildTsquery(parsed, undefined, { atLeast: 2 })).toBe(
      "( ( 'archiv' | 'archive' ) & 'backup' ) | ( ( 'archiv' | 'archive' ) & ( 'fail' | 'failed' ) ) | ( 'backup' & ( 'fail' | 'failed' ) )",
    );
    expect(buildTsquery(parsed, undefined, { atLeast: 3 })).toBe(buildTsquery(parsed));
    expect(buildTsquery(parsed, undefined, { atLeast: 1 })).toBe(buildTsquery(parsed, undefined, { mode: 'or' }));
    expect(buildTsquery(parseQuery('a1 b2 c3 d4 '), undefined, { atLeast: 2 })!.split(' | ')).toHaveLength(choose(4, 2));
    expect([choose(8, 4), choose(7, 2), choose(5, 5)]).toEqual([70, 21, 1]);
  });

  it('leaves out a one-syllable Korean word between others, unless it is all there is or is being typed last', () => {
    expect(parseQuery('녹화가 안 멈춰요').words.map((w) => w.raw)).toEqual(['녹화가', '멈춰요']);
    expect(parseQuery('안').words.map((w) => w.raw)).toEqual(['안']);
    expect(parseQuery('원격 지').words.map((w) => w.raw)).toEqual(['원격', '지']);
    expect(parseQuery('원격 지 ').words.map((w) => w.raw)).toEqual(['원격']);
  });

  it('cuts a query to 500 characters', () => {
    const parsed = parseQuery('word '.repeat(2_000));
    expect(parsed.text.length).toBeLessThanOrEqual(500);
    expect(parsed.words).toHaveLength(1);
    expect(parseQuery('가'.repeat(10_000)).text).toHaveLength(500);
  });

  it('reads a one-word query as a possible reference', () => {
    expect(parseQuery(' 10000042 ').reference).toBe('10000042');
    expect(parseQuery('CS-2019-0042').reference).toBe('cs-2019-0042');
    expect(parseQuery('two words').reference).toBeNull();
  });
});

describe('highlights and snippets', () => {
  it('marks what matched: stems, Korean words without their particles, pieces of spacing variants', () => {
    const text = 'Lost connections: 라이선스를 다시 활성화하고 원격 지원 세션을 여세요.';
    const forms = matchFormsOf(parseQuery('connection 라이선스 원격지원 세션'));
    expect(highlightRanges(text, forms).map(([s, e]) => text.slice(s, e))).toEqual(['connections', '라이선스', '원격', '지원', '세션']);
  });

  it('marks the separate words a joined query word stands for', () => {
    const text = 'Windows Server 2024 support';
    expect(highlightRanges(text, matchFormsOf(parseQuery('server2024'))).map(([s, e]) => text.slice(s, e))).toEqual(['Server', '2024']);
  });

  it('marks a word written in its other spelling', () => {
    const text = '라이선스 파일과 licence file';
    expect(highlightRanges(text, matchFormsOf(parseQuery('라이센스 license'))).map(([s, e]) => text.slice(s, e))).toEqual(['라이선스', 'licence']);
  });

  it('keeps offsets in the original text when normalization changes it', () => {
    const text = 'ＰＩ Ｓｅｒｖｅｒ 😀 license';
    const ranges = highlightRanges(text, matchFormsOf(parseQuery('server license')));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['Ｓｅｒｖｅｒ', 'license']);
  });

  it('matches capitals and Hangul as typed', () => {
    const text = 'LICENSE Server 라이선스 SERVERS';
    const ranges = highlightRanges(text, matchFormsOf(parseQuery('license server 라이선스')));
    expect(ranges.map(([s, e]) => text.slice(s, e))).toEqual(['LICENSE', 'Server', '라이선스', 'SERVERS']);
  });

  it('marks Korean written as separate jamo (NFD, as macOS stores it), as the index matches it', () => {
    const text = `설정 ${'라이선스를'.normalize('NFD')} 확인`;
    const ranges = highlightRanges(text, matchFormsOf(parseQuery('라이선스')));
    expect(ranges.map(([s, e]) => text.slice(s, e).normalize('NFC'))).toEqual(['라이선스']);
    expect(text.slice(...ranges[0]!).length).toBeGreaterThan(4);
  });

  it('cuts about 200 characters around the first match, between words', () => {
    const body = `${'intro words here '.repeat(30)}the license key is in the portal ${'more words '.repeat(40)}`;
    const { snippet, highlights } = buildSnippet(body, matchFormsOf(parseQuery('license')));
    expect(snippet.length).toBeLessThanOrEqual(202);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(highlights.map(([s, e]) => snippet.slice(s, e))).toEqual(['license']);
  });

  it('strips Markdown lightly', () => {
    expect(markdownToPlainText('## Fix\n\n**Restart** the [service](http://x) and run `net start`.').replace(/\s+/g, ' ').trim()).toBe('Fix Restart the service and run net start.');
    // Emphasis against punctuation, and words with underscores kept whole.
    expect(markdownToPlainText('트렌드 수를 _줄여 보세요_. (*꼭*) pi_archive_ss.exe')).toBe('트렌드 수를 줄여 보세요. (꼭) pi_archive_ss.exe');
  });
});

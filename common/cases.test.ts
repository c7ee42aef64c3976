import { describe, expect, it } from 'vitest';
import {
  CASE_NUMBER_PATTERN,
  CASE_STATUS_LABELS,
  CASE_STATUSES,
  CLOSED_STATUSES,
  OPEN_STATUSES,
  WAITING_ON_CUSTOMER,
  canTransition,
  caseStatusLabel,
  formatCaseNumber,
  isClosedStatus,
  isTransitionAllowed,
  isWaitingOnCustomer,
  nextStatuses,
  reopenStanding,
  type CaseSide,
  type CaseStatus,
} from './cases';

// The lifecycle as issue 6 and the manual describe it, written out independently of CASE_TRANSITIONS:
// engineers work the case through every open status, close or abandon it and may bring it back;
// customers close their case, send it back to work by answering, and reopen a closed case.
const EXPECTED: Record<CaseSide, Record<CaseStatus, CaseStatus[]>> = {
  engineer: {
    new: ['waiting_on_response', 'researching', 'answered', 'pending_fix', 'closed', 'abandoned'],
    waiting_on_response: ['researching', 'answered', 'pending_fix', 'closed', 'abandoned'],
    researching: ['waiting_on_response', 'answered', 'pending_fix', 'closed', 'abandoned'],
    answered: ['waiting_on_response', 'researching', 'pending_fix', 'closed', 'abandoned'],
    pending_fix: ['waiting_on_response', 'researching', 'answered', 'closed', 'abandoned'],
    closed: ['researching'],
    abandoned: ['researching'],
  },
  customer: {
    new: ['closed'],
    waiting_on_response: ['researching', 'closed'],
    researching: ['closed'],
    answered: ['researching', 'closed'],
    pending_fix: ['closed'],
    closed: ['researching'],
    abandoned: [],
  },
};
const SIDES: CaseSide[] = ['engineer', 'customer'];
const DAY = 86_400_000;

describe('the transition table: every pair of statuses for each side', () => {
  for (const side of SIDES) {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        const expected = EXPECTED[side][from].includes(to);
        it(`${side} ${expected ? 'may' : 'may not'} move ${from} → ${to}`, () => {
          expect(canTransition(from, to, side)).toBe(expected);
        });
      }
    }
  }

  it('allows a move at all exactly when one side may make it', () => {
    for (const from of CASE_STATUSES) {
      for (const to of CASE_STATUSES) {
        expect(isTransitionAllowed(from, to), `${from} → ${to}`).toBe(EXPECTED.engineer[from].includes(to) || EXPECTED.customer[from].includes(to));
      }
    }
  });

  it('never moves a case to the status it already has', () => {
    for (const status of CASE_STATUSES) expect(isTransitionAllowed(status, status)).toBe(false);
  });

  it('lists the next statuses of each side in the order of the progress bar', () => {
    for (const side of SIDES) {
      for (const from of CASE_STATUSES) expect(nextStatuses(from, side)).toEqual(CASE_STATUSES.filter((s) => EXPECTED[side][from].includes(s)));
    }
  });

  it('lets either side close an open case, and only engineers abandon one', () => {
    for (const from of OPEN_STATUSES) {
      expect(canTransition(from, 'closed', 'engineer')).toBe(true);
      expect(canTransition(from, 'closed', 'customer')).toBe(true);
      expect(canTransition(from, 'abandoned', 'engineer')).toBe(true);
      expect(canTransition(from, 'abandoned', 'customer')).toBe(false);
    }
  });

  it('brings a closed or abandoned case back only to Researching, never straight to another state', () => {
    for (const from of CLOSED_STATUSES) {
      for (const to of CASE_STATUSES) expect(isTransitionAllowed(from, to), `${from} → ${to}`).toBe(to === 'researching');
    }
    expect(canTransition('abandoned', 'researching', 'customer')).toBe(false);
    expect(isTransitionAllowed('closed', 'abandoned')).toBe(false);
    expect(isTransitionAllowed('abandoned', 'closed')).toBe(false);
  });

  it('never moves anything back to New', () => {
    for (const from of CASE_STATUSES) expect(isTransitionAllowed(from, 'new')).toBe(false);
  });
});

describe('closed and waiting statuses', () => {
  it('counts Closed and Abandoned as closed, the five others as open', () => {
    expect([...CLOSED_STATUSES].sort()).toEqual(['abandoned', 'closed']);
    expect([...OPEN_STATUSES]).toEqual(['new', 'waiting_on_response', 'researching', 'answered', 'pending_fix']);
    for (const status of CASE_STATUSES) expect(isClosedStatus(status)).toBe(status === 'closed' || status === 'abandoned');
  });

  it('waits on the customer in Waiting on Response and Answered only', () => {
    expect([...WAITING_ON_CUSTOMER].sort()).toEqual(['answered', 'waiting_on_response']);
    for (const status of CASE_STATUSES) expect(isWaitingOnCustomer(status)).toBe(status === 'waiting_on_response' || status === 'answered');
  });

  it('lets the customer answer a waiting case back to Researching', () => {
    for (const status of WAITING_ON_CUSTOMER) expect(canTransition(status, 'researching', 'customer')).toBe(true);
  });
});

describe('CASE_STATUS_LABELS', () => {
  it('names every status in both languages (the web locales are checked against it in case-status-labels.test.ts)', () => {
    for (const labels of Object.values(CASE_STATUS_LABELS)) expect(Object.keys(labels).sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('gives the label in the language asked, and an unknown value as it is', () => {
    expect(caseStatusLabel('pending_fix', 'en')).toBe('Pending Fix');
    expect(caseStatusLabel('pending_fix', 'ko')).toBe('수정 대기');
    expect(caseStatusLabel('escalated', 'ko')).toBe('escalated');
  });
});

describe('reopenStanding', () => {
  const closedAt = new Date('2026-03-01T09:30:00.000Z');
  const at = (ms: number) => new Date(closedAt.getTime() + ms);

  it('is nothing for a case that is not closed', () => {
    for (const status of OPEN_STATUSES) expect(reopenStanding(status, null, closedAt)).toEqual({ canRequestReopen: false, offerNewCase: false, reopenUntil: null });
  });

  it('never lets the customer reopen an abandoned case, and offers a new case that references it at once', () => {
    expect(reopenStanding('abandoned', closedAt, at(DAY))).toEqual({ canRequestReopen: false, offerNewCase: true, reopenUntil: null });
    expect(reopenStanding('abandoned', null, closedAt)).toEqual({ canRequestReopen: false, offerNewCase: true, reopenUntil: null });
  });

  it('is nothing for a closed case without a closing time', () => {
    expect(reopenStanding('closed', null, closedAt)).toEqual({ canRequestReopen: false, offerNewCase: false, reopenUntil: null });
  });

  it('allows a reopen request from the closing instant through exactly 60 days after it', () => {
    const until = at(60 * DAY);
    expect(reopenStanding('closed', closedAt, closedAt)).toEqual({ canRequestReopen: true, offerNewCase: false, reopenUntil: until });
    expect(reopenStanding('closed', closedAt, at(59 * DAY))).toMatchObject({ canRequestReopen: true, offerNewCase: false });
    expect(reopenStanding('closed', closedAt, until)).toMatchObject({ canRequestReopen: true, offerNewCase: false });
  });

  it('offers a new case instead one millisecond after the window', () => {
    expect(reopenStanding('closed', closedAt, at(60 * DAY + 1))).toEqual({ canRequestReopen: false, offerNewCase: true, reopenUntil: at(60 * DAY) });
    expect(reopenStanding('closed', closedAt, at(400 * DAY))).toMatchObject({ canRequestReopen: false, offerNewCase: true });
  });

  it('follows a configured window', () => {
    expect(reopenStanding('closed', closedAt, at(DAY), 1)).toMatchObject({ canRequestReopen: true, reopenUntil: at(DAY) });
    expect(reopenStanding('closed', closedAt, at(DAY + 1), 1)).toMatchObject({ canRequestReopen: false, offerNewCase: true });
    expect(reopenStanding('closed', closedAt, at(89 * DAY), 90)).toMatchObject({ canRequestReopen: true });
  });
});

describe('case numbers', () => {
  it('are 8 digits', () => {
    expect(formatCaseNumber(10000001)).toBe('10000001');
    expect(formatCaseNumber(123456)).toBe('00123456');
    expect(CASE_NUMBER_PATTERN.test('10000001')).toBe(true);
    expect(CASE_NUMBER_PATTERN.test('1000001')).toBe(false);
    expect(CASE_NUMBER_PATTERN.test('100000011')).toBe(false);
    expect(CASE_NUMBER_PATTERN.test('OLD-1234')).toBe(false);
  });
});

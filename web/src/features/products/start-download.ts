/**
 * Starts a download the way a link click would: a hidden anchor to the signed, same-origin URL. The
 * server answers with `Content-Disposition: attachment`, so the page stays where it is.
 */
export function startDownload(url: string, fileName: string): void {
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.rel = 'noopener';
  anchor.style.display = 'none';
  document.body.appendChild(anchor);
  anchor.click();
  anchor.remove();
}

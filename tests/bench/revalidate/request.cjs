// autocannon setupRequest, loaded by path in its worker thread: revalidate with the newest ETag the
// connections received, as browsers and feed readers do. Kept on the thread, not in autocannon's
// per-connection context, which it clears after every round of requests (here, every request).
module.exports = (request) => {
  const etag = globalThis.datelineBenchEtag;
  if (!etag) return request;
  return { ...request, headers: { ...request.headers, 'if-none-match': etag } };
};

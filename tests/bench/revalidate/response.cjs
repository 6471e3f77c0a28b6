// autocannon onResponse, loaded by path in its worker thread: keep the newest ETag for the next request.
module.exports = (_status, _body, _context, headers) => {
  const name = Object.keys(headers ?? {}).find((key) => key.toLowerCase() === 'etag');
  if (name) globalThis.datelineBenchEtag = headers[name];
};

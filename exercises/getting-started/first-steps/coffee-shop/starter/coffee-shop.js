// A barista is a function: barista(order) returns a promise of the drink (a string).

export async function serve(order, barista) {
  throw new Error('Ask the barista, then return "<name>, your <drink> is ready!"');
}

export async function serveAll(orders, barista) {
  throw new Error('Serve every order; start them all before waiting');
}

export async function serveSafely(order, barista) {
  throw new Error('Like serve, but say sorry when the barista fails');
}

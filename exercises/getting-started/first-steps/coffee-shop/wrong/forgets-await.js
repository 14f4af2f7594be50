// Without await, the try/catch never sees the rejection.
export async function serve(order, barista) {
  const drink = await barista(order);
  return `${order.name}, your ${drink} is ready!`;
}

export async function serveAll(orders, barista) {
  return Promise.all(orders.map((order) => serve(order, barista)));
}

export async function serveSafely(order, barista) {
  try {
    return serve(order, barista);
  } catch (error) {
    return `Sorry ${order.name}, ${error.message}`;
  }
}

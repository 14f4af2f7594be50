// Correct messages, but waits for each drink before starting the next one.
export async function serve(order, barista) {
  const drink = await barista(order);
  return `${order.name}, your ${drink} is ready!`;
}

export async function serveAll(orders, barista) {
  const messages = [];
  for (const order of orders) messages.push(await serve(order, barista));
  return messages;
}

export async function serveSafely(order, barista) {
  try {
    return await serve(order, barista);
  } catch (error) {
    return `Sorry ${order.name}, ${error.message}`;
  }
}

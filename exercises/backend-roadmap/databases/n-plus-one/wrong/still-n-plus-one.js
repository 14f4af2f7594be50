export async function recentOrders(db) {
  const { rows: orders } = await db.query('SELECT id, total, customer_id FROM orders ORDER BY id');
  const names = new Map();
  for (const order of orders) {
    if (!names.has(order.customer_id)) names.set(order.customer_id, (await db.query('SELECT name FROM customers WHERE id = $1', [order.customer_id])).rows[0].name);
  }
  return orders.map((o) => ({ id: o.id, total: o.total, customer: names.get(o.customer_id) }));
}

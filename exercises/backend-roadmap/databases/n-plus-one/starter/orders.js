export async function recentOrders(db) {
  const { rows: orders } = await db.query('SELECT id, total, customer_id FROM orders ORDER BY id');
  const result = [];
  for (const order of orders) {
    const { rows } = await db.query('SELECT name FROM customers WHERE id = $1', [order.customer_id]);
    result.push({ id: order.id, total: order.total, customer: rows[0].name });
  }
  return result;
}

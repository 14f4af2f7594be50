export async function recentOrders(db) {
  const { rows } = await db.query('SELECT o.id, o.total, c.name AS customer FROM orders o JOIN customers c ON c.id = o.customer_id ORDER BY c.name, o.id');
  return rows;
}

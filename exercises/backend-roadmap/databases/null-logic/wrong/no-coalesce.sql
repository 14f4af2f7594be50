SELECT c.name, c.city, EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id) AS has_orders FROM customers c WHERE c.phone IS NULL ORDER BY c.name;

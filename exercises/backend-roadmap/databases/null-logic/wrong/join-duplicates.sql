SELECT c.name, coalesce(c.city, 'unknown') AS city, o.id IS NOT NULL AS has_orders FROM customers c LEFT JOIN orders o ON o.customer_id = c.id WHERE c.phone IS NULL ORDER BY c.name;

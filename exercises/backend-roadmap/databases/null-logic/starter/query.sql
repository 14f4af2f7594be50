SELECT name, city, true AS has_orders FROM customers WHERE phone = NULL ORDER BY name;

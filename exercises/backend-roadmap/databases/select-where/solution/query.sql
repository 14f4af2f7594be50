SELECT name, price
FROM products
WHERE category = 'hardware' AND in_stock AND price BETWEEN 10 AND 100
ORDER BY price;

import psycopg2

from prefect.blocks.system import Secret, String

greeting = String.load("greeting")
print(greeting.value + ", world")
password = Secret.load("db-password")
connection = psycopg2.connect(host="db", password=password.get())

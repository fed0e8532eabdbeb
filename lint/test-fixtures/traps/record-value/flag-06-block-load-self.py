# orca-fixture: 3.x blocks whose load() returns the block (annotated Self): String joined, Secret passed on
# prefect: 3.4.20
# rule: record-used-as-value
# lines: 10 12
import psycopg2

from prefect.blocks.system import Secret, String

greeting = String.load("greeting")
print(greeting + ", world")
password = Secret.load("db-password")
connection = psycopg2.connect(host="db", password=password)

# orca-fixture: 3.x blocks read through their accessors
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
import psycopg2

from prefect.blocks.system import Secret, String

print(String.load("greeting").value + ", world")
connection = psycopg2.connect(host="db", password=Secret.load("db-password").get())

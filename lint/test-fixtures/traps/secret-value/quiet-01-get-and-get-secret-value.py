# orca-fixture: the secret read right: .get(), .value.get_secret_value(), the block passed to Prefect itself
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
import psycopg2

from prefect.blocks.system import Secret
from prefect.runner.storage import GitRepository

conn = psycopg2.connect(password=Secret.load("db-password").get())
key = Secret.load("aws-key").value.get_secret_value()
repo = GitRepository(url="https://github.com/o/r.git", credentials={"access_token": Secret.load("gh")})
print(Secret.load("x").value is None)

# orca-fixture: a 2.x Variable compared with a string
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 12
from prefect import flow
from prefect.variables import Variable


@flow
def deploy():
    env = Variable.get("environment")
    if env == "prod":
        print("deploying to production")

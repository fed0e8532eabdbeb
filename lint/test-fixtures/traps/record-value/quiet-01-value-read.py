# orca-fixture: 2.x code that reads .value
# prefect: 2.20.3
# rule: record-used-as-value
# lines: none
from prefect import flow
from prefect.variables import Variable


@flow
def deploy():
    env = Variable.get("environment")
    if env.value == "prod":
        print(f"deploying to {env.value}")
    return Variable.get("api_url").value + "/health"

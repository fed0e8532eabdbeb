# orca-fixture: the 2.x module function prefect.variables.get returned the string value
# prefect: 2.16.0
# rule: record-used-as-value
# lines: none
from prefect import variables

env = variables.get("environment")
if env == "prod":
    print(f"deploying to {env}")

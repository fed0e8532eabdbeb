# orca-fixture: 3.x Variable.get returns the value itself
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
import requests

from prefect.variables import Variable

env = Variable.get("environment")
if env == "prod":
    print(f"deploying to {env}")
requests.get(Variable.get("api_url") + "/health")
limit = Variable.get("max_rows", default=10) * 2

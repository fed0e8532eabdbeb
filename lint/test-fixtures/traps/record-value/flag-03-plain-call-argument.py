# orca-fixture: a 2.x Variable passed straight to a non-Prefect call
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 11 12
import requests

from prefect.variables import Variable


def fetch():
    response = requests.get(Variable.get("api_url"), timeout=10)
    return response.json(), "{}/health".format(Variable.get("api_url"))

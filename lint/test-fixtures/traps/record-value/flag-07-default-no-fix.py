# orca-fixture: a 2.x Variable read with a default (a str may come back, so no automatic fix)
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 10
from prefect.variables import Variable


def region():
    value = Variable.get("region", default="eu-west-1")
    return value in ("eu-west-1", "us-east-1")

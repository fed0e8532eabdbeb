# orca-fixture: arithmetic on a 2.x Variable beside a number literal: its string value is converted
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 10
from prefect.variables import Variable


def batch_size():
    limit = Variable.get("max_rows")
    return limit * 2

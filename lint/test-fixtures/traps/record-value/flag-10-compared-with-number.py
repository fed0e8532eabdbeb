# orca-fixture: a 2.x Variable compared with a number: read and converted in place
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 11
from prefect import flow
from prefect.variables import Variable


@flow
def sizer():
    if Variable.get("batch_limit") > 10:
        print("big batch")

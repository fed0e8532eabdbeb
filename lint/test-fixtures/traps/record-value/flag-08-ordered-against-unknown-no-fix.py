# orca-fixture: a 2.x Variable ordered against a value of unknown type (its string value needs a conversion no fix can choose)
# prefect: 2.20.3
# rule: record-used-as-value
# lines: 12
from prefect import flow
from prefect.variables import Variable


@flow
def check_stock(current_level):
    threshold = Variable.get("min_stock")
    if current_level() < threshold:
        print("restock")

# orca-fixture: a 2.x Variable holding JSON indexed as if it were the value (TypeError: not subscriptable)
# prefect: 2.19.3
# rule: record-used-as-value
# lines: 12
from prefect import flow
from prefect.variables import Variable


@flow
def load_orders():
    cfg = Variable.get("etl_config")
    batch = cfg["batch_size"]
    return batch

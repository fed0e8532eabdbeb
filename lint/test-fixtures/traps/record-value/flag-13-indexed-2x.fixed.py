from prefect import flow
from prefect.variables import Variable


@flow
def load_orders():
    cfg = Variable.get("etl_config")
    batch = cfg.value["batch_size"]
    return batch

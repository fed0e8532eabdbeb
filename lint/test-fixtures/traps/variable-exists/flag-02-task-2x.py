# orca-fixture: a task that stores a watermark with keyword arguments (2.x, Variable.set from 2.17)
# prefect: 2.19.3
# rule: variable-exists
# lines: 11
from prefect import task
from prefect.variables import Variable


@task
def save_watermark(ts: str):
    Variable.set(name="orders_watermark", value=ts, tags=["etl"])

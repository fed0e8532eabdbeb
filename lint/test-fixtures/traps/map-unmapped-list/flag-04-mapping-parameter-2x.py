# orca-fixture: a parameter annotated as a dict, mapped beside the rows (each run would get one key)
# prefect: 2.20.2
# rule: map-unmapped-list
# lines: 15
from prefect import flow, task


@task
def transform(row: dict, config: dict) -> dict:
    return {**row, **config}


@flow
def process_all(rows: list[dict], config: dict):
    return transform.map(rows, config)

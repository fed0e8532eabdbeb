# orca-fixture: a task sets an item of the dict every mapped run shares
# prefect: 3.4.20
# rule: unmapped-mutated
# lines: 17
from prefect import flow, task, unmapped


@task
def enrich(row: dict, ctx: dict) -> dict:
    ctx["row_id"] = row["id"]
    return dict(ctx)


@flow
def run(rows: list[dict]):
    ctx = {"region": "eu"}
    return enrich.map(rows, unmapped(ctx)).result()

# orca-fixture: the same shared dict on Prefect 2, where the fact sheet notes no shared-object trap
# prefect: 2.20.2
# rule: unmapped-mutated
# lines: none
from prefect import flow, task, unmapped


@task
def enrich(row: dict, ctx: dict) -> dict:
    ctx["row_id"] = row["id"]
    return dict(ctx)


@flow
def run(rows: list[dict]):
    ctx = {"region": "eu"}
    return [f.result() for f in enrich.map(rows, unmapped(ctx))]

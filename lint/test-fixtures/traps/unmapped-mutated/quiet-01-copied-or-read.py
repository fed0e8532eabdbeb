# orca-fixture: a task that copies before changing, one that only reads, and a plain map without unmapped
# prefect: 3.4.20
# rule: unmapped-mutated
# lines: none
from prefect import flow, task, unmapped


@task
def enrich(row: dict, ctx: dict) -> dict:
    ctx = dict(ctx)
    ctx["row_id"] = row["id"]
    return ctx


@task
def lookup(row: dict, ctx: dict) -> str:
    return ctx["region"] + row["id"]


@task
def tag(row: dict) -> dict:
    row["seen"] = True
    return row


@flow
def run(rows: list[dict]):
    ctx = {"region": "eu"}
    enrich.map(rows, unmapped(ctx)).wait()
    lookup.map(rows, unmapped(ctx)).wait()
    tag.map(rows).wait()

# orca-fixture: futures handed to tasks, waited on, collected, returned and resolved
# prefect: 3.4.20
# rule: record-used-as-value
# lines: none
from prefect import flow, task
from prefect.futures import as_completed, wait


@task
def fetch(i):
    return i


@task
def combine(a, b):
    return a + b


@flow
def pipeline(ids):
    a = fetch.submit(ids[0])
    b = fetch.submit(ids[1])
    c = combine.submit(a, b)
    many = fetch.map(ids)
    wait(many)
    for f in as_completed(many):
        print(f.result())
    kept = []
    kept.append(c)
    print(len(many), isinstance(a, object), a is None)
    total = sum(many.result()) + c.result()
    if a.state.is_completed():
        print(f"{a.result()} then {b.result()}")
    combine(a, b)
    return many, total

from prefect import flow, task


@task
def fetch(i: int) -> int:
    return i * 2


@task
def label(i: int) -> str:
    return str(i)


@flow
def pipeline(n: int):
    values = [fetch(i) for i in range(n)]
    names = [label(i) for i in range(n)]
    collected = []
    for i in range(n):
        collected.append(fetch(i))
    collected.extend([fetch(n), fetch(n + 1)])
    total = sum(v for v in [fetch(1), fetch(2)])
    for value in values:
        print(value)
    for idx, item in enumerate(collected):
        print(idx, item)
    for value_of_pair, name in zip(values, names):
        print(value_of_pair, name)
    return [v for v in values], total

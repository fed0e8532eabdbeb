# orca-fixture: the asker writes about an argument mapped beside the rows ("weights is a list of 5 floats")
# prefect: 3.2.6
# rule: map-unmapped-list
# lines: 16
# spoken: weights is a list of 5 floats and rows has 1000 dicts but i only get 5 task runs
from prefect import flow, task


@task
def score(row: dict, weights: list[float]) -> float:
    return sum(weights)


@flow
def batch_score(rows: list[dict], weights: list[float]):
    return score.map(rows, weights).result()

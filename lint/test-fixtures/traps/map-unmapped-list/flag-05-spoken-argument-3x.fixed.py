from prefect import unmapped
from prefect import flow, task


@task
def score(row: dict, weights: list[float]) -> float:
    return sum(weights)


@flow
def batch_score(rows: list[dict], weights: list[float]):
    return score.map(rows, unmapped(weights)).result()

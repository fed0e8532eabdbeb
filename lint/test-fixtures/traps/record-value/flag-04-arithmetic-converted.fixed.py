from prefect.variables import Variable


def batch_size():
    limit = Variable.get("max_rows")
    return int(limit.value) * 2

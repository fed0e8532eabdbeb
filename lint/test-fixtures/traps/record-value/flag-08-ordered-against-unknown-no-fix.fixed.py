from prefect import flow
from prefect.variables import Variable


@flow
def check_stock(current_level):
    threshold = Variable.get("min_stock")
    if current_level() < threshold:
        print("restock")

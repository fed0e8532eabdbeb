# orca-fixture: a 2.x Variable in an f-string and joined to a string
# prefect: 2.19.4
# rule: record-used-as-value
# lines: 10 11 12
from prefect.variables import Variable


def base_url():
    host = Variable.get("api_host")
    print(f"calling {host}")
    print("host: %s" % host)
    return "https://" + host + "/v1"

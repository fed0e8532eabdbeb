# orca-fixture: .value on other objects: a String block, an unknown class called Secret, a name used both ways
# prefect: 2.20.3
# rule: record-used-as-value
# lines: none
from prefect.blocks.system import Secret, String

from mylib import Secret as MySecret

print("hi " + String.load("greeting").value)
print("token " + MySecret.load("x").value)
token = Secret.load("api-token").value
print(token.get_secret_value(), str(len("abc")))

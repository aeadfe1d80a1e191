<html><body>

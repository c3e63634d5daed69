"""The base of the domain errors that services raise: a rule that a request breaks, with a
message in the user's language for the page or the admin to show."""


class DomainError(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message

"""One module per problem set: its variants, questions and references (instructor-only).

Each module defines ASSIGNMENT, NOTEBOOK, DEFAULT (the public variant), draw(rng) (a
student's variant), QUESTIONS (see autograder.spec) and optionally KERAS = True when its
answers need Keras in the sandbox.
"""

"""nbgrader configuration for the course (run nbgrader from this folder).

Layout (nbgrader's standard course directory):
    source/<assignment>/*.ipynb     instructor versions, with solutions and hidden tests
    release/<assignment>/           student versions (`make assignments`)
    submitted/<student>/<assignment>/   collected submissions
    autograded/, feedback/          written by autograde and generate_feedback
"""

import os

c = get_config()  # noqa: F821  (provided by nbgrader)

c.CourseDirectory.course_id = "convnet-course"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))
c.CourseDirectory.db_url = "sqlite:///" + os.path.join(
    c.CourseDirectory.root, "gradebook.db"
)
c.CourseDirectory.assignment_id = ""

# A submission that loops forever loses that cell, not the whole class:
# each cell is interrupted after this many seconds and graded 0.
c.Execute.timeout = 20
c.Execute.interrupt_on_timeout = True
c.Execute.allow_errors = True

c.ClearSolutions.code_stub = {"python": "# YOUR CODE HERE\nraise NotImplementedError()"}
c.ClearSolutions.text_stub = "YOUR ANSWER HERE"
c.GenerateAssignment.create_assignment = True

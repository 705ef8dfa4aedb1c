"""`wasp serve`: the review store in a browser for a team, secure by default (needs wasp[serve])."""

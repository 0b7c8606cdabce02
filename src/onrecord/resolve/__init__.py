"""Speaker resolution: within an article (speakers.py) and across articles (entities.py)."""

"""Helpers to answer a questionnaire through its screens, as a person would."""

from assessments.answers import statements


def lowest_for(page, code):
    """Ratings that put the competence `code` lowest: 1 for its statements, 3 or 4 elsewhere."""
    ratings = []
    for number, statement in enumerate(statements(page), start=1):
        ratings.append(1 if statement.item.code == code else 3 + number % 2)
    return ratings


def answer_all(client, page, ratings, example="I sorted the stock at my cousin's shop."):
    """Post one answer per screen; returns the last response (the result)."""
    url = page.url + "answer/"
    response = client.get(url)
    assert response.status_code == 200
    code = "0" * len(ratings)
    for number, rating in enumerate(ratings, start=1):
        data = {"a": code, "n": number, "r": rating, "go": "next", f"x{number}": example if number == 1 else ""}
        if number > 1:
            data["x1"] = example
        response = client.post(url, data)
        assert response.status_code == 200
        code = code[: number - 1] + str(rating) + code[number:]
    return response, code

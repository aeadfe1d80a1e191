from contextlib import contextmanager

from sqlalchemy import create_engine
from sqlalchemy.orm import Session, declarative_base

from bazaar.settings import BILLING_DATABASE_URL

Base = declarative_base()
engine = create_engine(BILLING_DATABASE_URL)


@contextmanager
def session_scope():
    session = Session(engine)
    try:
        yield session
        session.commit()
    finally:
        session.close()

"""Streamlit helpers shared by the pages in app_pages/. The domain lives in planner/."""

#!/usr/bin/env python3
"""Writes the trap and reference resumes of the graded relevance set into Fixtures/relevance/resumes/.

    python3 scripts/build-relevance-traps.py      # rewrites Fixtures/relevance/resumes/

The relevance set (Fixtures/relevance/README.md) needs people the random fixtures in Fixtures/resumes/ do
not provide: coherent clear fits for each job, and traps for the scorer — a keyword stuffer, a junior with
every keyword of a lead role, related-but-not-exact skills (MySQL for PostgreSQL, Vue for React, Kotlin for
Java, TensorFlow for PyTorch, Ansible/Jenkins for Terraform/Kubernetes), leads and seniors, data engineers
with 3, 5 and 11 years, a career changer from accounting. Some people are written in two layouts (plain
text and Markdown) with the same content, for the layout-spread metric.

Every person, employer and school is invented; contact details use example.com and 555 numbers.
Deterministic: the output depends only on this file. Standard library only.
"""
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "Fixtures" / "relevance" / "resumes"

# Each person: file stem, layouts, contact, summary, positions (title, company, start, end, bullets),
# education lines, skills, certifications. Dates are "Mon YYYY"; end None means present.
PEOPLE = [
    {
        "stem": "t01-kai-brandt-stuffer", "layouts": ["txt", "md"],
        "name": "Kai Brandt", "location": "Austin, TX", "phone": "(512) 555-0141",
        "summary": "Motivated professional passionate about technology: Java, Go, Python, React, Kubernetes, "
                   "Terraform, PyTorch, Spark, Airflow, Snowflake, PostgreSQL, Kafka, Figma, product management.",
        "positions": [
            ("Customer Support Representative", "Brightline Telecom", "Mar 2021", None,
             ["Answered 60+ customer calls and chats a day about billing and service plans.",
              "Kept a 94% customer satisfaction score; trained three new hires on the ticketing tool."]),
            ("Retail Sales Associate", "Harlow Outdoor Supply", "Jun 2017", "Feb 2021",
             ["Handled the till, stock counts and window displays.",
              "Employee of the month twice."]),
        ],
        "education": ["High School Diploma, Crestview High School, 2017"],
        "skills": ["Java", "Go", "Python", "JavaScript", "TypeScript", "React", "Vue.js", "Angular", "Node.js",
                   "Django", "Spring Boot", "PostgreSQL", "MySQL", "MongoDB", "Redis", "Apache Kafka", "Docker",
                   "Kubernetes", "Terraform", "AWS", "GCP", "Azure", "Prometheus", "Grafana", "PyTorch",
                   "TensorFlow", "scikit-learn", "pandas", "Apache Spark", "Apache Airflow", "Snowflake", "SQL",
                   "Tableau", "Figma", "Jira", "Agile", "Scrum", "Product Management", "Excel", "Git", "Linux"],
        "certs": [],
    },
    {
        "stem": "t02-milo-ferreira-junior-python", "layouts": ["txt", "md"],
        "name": "Milo Ferreira", "location": "London, UK", "phone": "+44 20 7946 0958",
        "summary": "Junior backend developer (Python, Django, PostgreSQL) one year into my first role, "
                   "keen on AWS, Docker, Kubernetes, Kafka, Redis, Celery and leading projects one day.",
        "positions": [
            ("Junior Backend Developer", "Pebblestone Apps", "Sep 2025", None,
             ["Built REST endpoints in Django and Django REST Framework for a booking app.",
              "Wrote PostgreSQL migrations and fixed slow queries with the team's senior engineer.",
              "Added Celery tasks with Redis for e-mail reminders; wrote pytest tests."]),
            ("Software Engineering Intern", "Pebblestone Apps", "Jun 2024", "Aug 2024",
             ["Built an internal admin page in Flask; containerised it with Docker."]),
        ],
        "education": ["BSc Computer Science, University of Leeds (fictional campus), 2025"],
        "skills": ["Python", "Django", "Flask", "PostgreSQL", "SQL", "Redis", "Celery", "Docker", "Kubernetes",
                   "AWS", "Apache Kafka", "Git", "Linux", "REST APIs", "pytest", "CI/CD", "Microservices",
                   "System Design", "Leadership", "Mentoring"],
        "certs": [],
    },
    {
        "stem": "t03-rosa-lindgren-python-lead", "layouts": ["txt", "md"],
        "name": "Rosa Lindgren", "location": "Bristol, UK", "phone": "+44 117 496 0321",
        "summary": "Backend engineering lead with 13 years in Python, the last five leading teams of four to "
                   "eight engineers on Django services backed by PostgreSQL on AWS.",
        "positions": [
            ("Lead Backend Engineer", "Hollyhock Pharmacy Systems", "Feb 2021", None,
             ["Lead and line-manage a team of seven backend engineers; hired four of them.",
              "Own the architecture of the Django services behind prescription ordering for 600 pharmacies.",
              "Moved the main PostgreSQL cluster to Amazon RDS with zero downtime; introduced Celery and Redis "
              "for background work.",
              "Run design reviews, incident reviews and the team's code review standards."]),
            ("Senior Backend Engineer", "Thistle Travel", "Apr 2016", "Jan 2021",
             ["Built Python (Django, Flask) services for bookings and payments on AWS.",
              "Tech lead of a four-person squad from 2019; mentored two juniors to mid level."]),
            ("Software Engineer", "Copperfield Data", "Sep 2013", "Mar 2016",
             ["Wrote Python ETL jobs and a Flask API over PostgreSQL."]),
        ],
        "education": ["MEng Computer Science, University of Bath (fictional campus), 2013"],
        "skills": ["Python", "Django", "Flask", "PostgreSQL", "AWS", "Celery", "Redis", "Docker", "Kubernetes",
                   "Technical Leadership", "Mentoring", "Hiring"],
        "certs": [],
    },
    {
        "stem": "t04-anton-weiss-java-senior", "layouts": ["txt", "md"],
        "name": "Anton Weiss", "location": "Hamburg, Germany", "phone": "+49 40 555 01234",
        "summary": "Senior backend engineer: eight years building Java services with Spring Boot, PostgreSQL and "
                   "Kafka.",
        "positions": [
            ("Senior Backend Engineer", "Elbe Logistics Cloud", "Jan 2021", None,
             ["Design and run Java 17 / Spring Boot services for parcel tracking (REST and gRPC APIs).",
              "Own the PostgreSQL data model: partitioning, index tuning and zero-downtime migrations.",
              "Built the Kafka consumers that ingest 50 million carrier events a day.",
              "Profiled and fixed thread-pool contention, halving p99 latency."]),
            ("Backend Engineer", "Nordkap Insurance", "Aug 2018", "Dec 2020",
             ["Built Java microservices (Spring Boot, Hibernate) over PostgreSQL; Docker and Jenkins pipelines."]),
        ],
        "education": ["BSc Computer Science, TU Westhafen (fictional), 2018"],
        "skills": ["Java", "Spring Boot", "Hibernate", "PostgreSQL", "Apache Kafka", "gRPC", "REST", "Docker",
                   "Kubernetes", "Jenkins", "Redis", "AWS"],
        "certs": ["Oracle Certified Professional, Java SE 17 Developer"],
    },
    {
        "stem": "t05-sunita-rao-go-senior", "layouts": ["txt"],
        "name": "Sunita Rao", "location": "Rotterdam, Netherlands", "phone": "+31 10 555 0188",
        "summary": "Senior backend engineer writing Go for seven years: gRPC services, PostgreSQL, Kafka.",
        "positions": [
            ("Senior Software Engineer (Backend)", "Maasvlakte Shipping Data", "Mar 2022", None,
             ["Build and operate Go services exposing gRPC and REST APIs for port-call data.",
              "Designed PostgreSQL schemas and tuned queries for tables of two billion rows.",
              "Wrote Kafka producers and consumers in Go; profiled goroutine leaks with pprof.",
              "Run the services on Kubernetes with Docker images built in GitHub Actions."]),
            ("Backend Engineer", "Fietsbox", "Sep 2019", "Feb 2022",
             ["Rewrote the order service from PHP to Go; PostgreSQL and RabbitMQ."]),
        ],
        "education": ["MSc Computer Science, Delft Institute (fictional), 2019"],
        "skills": ["Go", "gRPC", "PostgreSQL", "Apache Kafka", "RabbitMQ", "Docker", "Kubernetes", "Redis",
                   "Prometheus", "GitHub Actions"],
        "certs": [],
    },
    {
        "stem": "t06-pablo-ortega-java-mysql", "layouts": ["txt", "md"],
        "name": "Pablo Ortega", "location": "Madrid, Spain", "phone": "+34 91 555 0199",
        "summary": "Senior Java backend developer (seven years) working with Spring Boot, MySQL and RabbitMQ.",
        "positions": [
            ("Senior Java Developer", "Tarifa Telecom", "May 2021", None,
             ["Build Spring Boot services for billing; MySQL schema design and query tuning.",
              "Replaced batch file transfers with RabbitMQ messaging between six services.",
              "Docker images and Jenkins pipelines for every service."]),
            ("Java Developer", "Almendra Retail", "Jan 2019", "Apr 2021",
             ["Built REST APIs in Java (Spring MVC, Hibernate) over MySQL."]),
        ],
        "education": ["Grado en Ingeniería Informática, Universidad del Sur (fictional), 2018"],
        "skills": ["Java", "Spring Boot", "Hibernate", "MySQL", "RabbitMQ", "REST", "Docker", "Jenkins", "Git"],
        "certs": [],
    },
    {
        "stem": "t07-greta-holm-kotlin-backend", "layouts": ["txt"],
        "name": "Greta Holm", "location": "Stockholm, Sweden", "phone": "+46 8 555 012 34",
        "summary": "Backend engineer, six years in Kotlin on the JVM: Ktor and Spring services, PostgreSQL, Kafka.",
        "positions": [
            ("Senior Backend Engineer", "Skärgård Mobility", "Feb 2022", None,
             ["Build Kotlin services (Spring Boot, coroutines) for ride booking; PostgreSQL and Kafka.",
              "Led the move from REST polling to gRPC streaming."]),
            ("Backend Engineer", "Norrsken Media", "Jun 2020", "Jan 2022",
             ["Kotlin and Ktor APIs over PostgreSQL; Docker and Kubernetes."]),
        ],
        "education": ["MSc Software Engineering, Uppsala Polytechnic (fictional), 2020"],
        "skills": ["Kotlin", "Spring Boot", "Ktor", "PostgreSQL", "Apache Kafka", "gRPC", "Docker", "Kubernetes"],
        "certs": [],
    },
    {
        "stem": "t08-chloe-martin-vue-frontend", "layouts": ["txt", "md"],
        "name": "Chloé Martin", "location": "Lyon, France", "phone": "+33 4 55 50 12 34",
        "summary": "Frontend engineer, five years building web apps in Vue.js and TypeScript.",
        "positions": [
            ("Senior Frontend Engineer", "Canut Commerce", "Mar 2023", None,
             ["Build the shop front and back office in Vue 3, Pinia and TypeScript.",
              "Own our component library in Storybook; accessibility audits to WCAG 2.1 AA.",
              "Unit tests with Vitest and end-to-end tests with Cypress."]),
            ("Frontend Developer", "Traboule Studio", "Sep 2021", "Feb 2023",
             ["Built Nuxt.js sites for clients; HTML, SCSS and JavaScript."]),
        ],
        "education": ["Licence professionnelle Développement Web, IUT Rhône (fictional), 2021"],
        "skills": ["Vue.js", "Nuxt.js", "TypeScript", "JavaScript", "HTML", "CSS", "Storybook", "Cypress",
                   "Accessibility"],
        "certs": [],
    },
    {
        "stem": "t09-dev-patel-react-frontend", "layouts": ["txt"],
        "name": "Dev Patel", "location": "Lisbon, Portugal", "phone": "+351 21 555 0147",
        "summary": "Frontend engineer with six years of React and TypeScript in product teams.",
        "positions": [
            ("Senior Frontend Engineer", "Azulejo Payments", "Jan 2022", None,
             ["Build the merchant dashboard in React (hooks, React Query) and TypeScript.",
              "Led the design-system work with two designers: 60 components in Storybook.",
              "Cut bundle size 40% and brought Lighthouse accessibility scores to 100.",
              "Tests with Jest and React Testing Library; end-to-end with Cypress."]),
            ("Frontend Developer", "Ondas Media", "Jun 2020", "Dec 2021",
             ["Built Next.js pages and a GraphQL client layer for a news site."]),
        ],
        "education": ["BSc Informatics, Universidade do Tejo (fictional), 2020"],
        "skills": ["React", "TypeScript", "JavaScript", "Next.js", "GraphQL", "HTML", "CSS", "Jest", "Storybook",
                   "Cypress", "Node.js"],
        "certs": [],
    },
    {
        "stem": "t10-ines-duarte-ml-engineer", "layouts": ["txt"],
        "name": "Inês Duarte", "location": "Utrecht, Netherlands", "phone": "+31 30 555 0133",
        "summary": "Machine learning engineer: six years training and shipping PyTorch and scikit-learn models.",
        "positions": [
            ("Machine Learning Engineer", "Vlinder Medical Imaging", "Apr 2022", None,
             ["Train PyTorch models for tissue classification on whole-slide images.",
              "Serve models behind FastAPI in Docker on Kubernetes; MLflow for experiments and the registry.",
              "Built monitoring for drift and a monthly retraining pipeline."]),
            ("Data Scientist", "Kanaal Energy", "Sep 2020", "Mar 2022",
             ["scikit-learn demand-forecasting models with pandas; deployed as batch jobs."]),
        ],
        "education": ["MSc Artificial Intelligence, Universiteit Oudegracht (fictional), 2020"],
        "skills": ["Python", "PyTorch", "scikit-learn", "pandas", "MLflow", "Docker", "Kubernetes", "FastAPI",
                   "Computer Vision", "SQL"],
        "certs": [],
    },
    {
        "stem": "t11-omar-khalil-ml-tensorflow", "layouts": ["txt"],
        "name": "Omar Khalil", "location": "Eindhoven, Netherlands", "phone": "+31 40 555 0166",
        "summary": "Machine learning engineer, five years shipping TensorFlow and Keras models.",
        "positions": [
            ("Machine Learning Engineer", "Dommel Sensors", "Jan 2023", None,
             ["Train TensorFlow/Keras models for defect detection on camera images.",
              "Deploy with TensorFlow Serving in Docker; feature pipelines in Python."]),
            ("Junior Data Scientist", "Kempen Retail", "Oct 2021", "Dec 2022",
             ["Churn models with XGBoost and pandas."]),
        ],
        "education": ["MSc Data Science, Brabant Technical University (fictional), 2021"],
        "skills": ["Python", "TensorFlow", "Keras", "XGBoost", "pandas", "Docker", "SQL"],
        "certs": [],
    },
    {
        "stem": "t12-hannah-cole-data-scientist", "layouts": ["txt"],
        "name": "Hannah Cole", "location": "Dublin, Ireland", "phone": "+353 1 555 0172",
        "summary": "Data scientist with six years in pricing and risk: statistics, experiments, Python and SQL.",
        "positions": [
            ("Senior Data Scientist", "Liffey Mutual", "Jun 2022", None,
             ["Built GLM and gradient-boosting pricing models in Python (pandas, scikit-learn, statsmodels).",
              "Designed and analysed A/B tests of quote-page changes; presented results to underwriting.",
              "Wrote the SQL behind the claims dashboards in Tableau."]),
            ("Data Scientist", "Howth Bank", "Sep 2020", "May 2022",
             ["Credit-risk scorecards in R and Python; regression and survival analysis."]),
        ],
        "education": ["MSc Statistics, Trinity Quay University (fictional), 2020"],
        "skills": ["Python", "pandas", "scikit-learn", "statsmodels", "SQL", "R", "Tableau", "A/B Testing",
                   "Statistics"],
        "certs": [],
    },
    {
        "stem": "t13-liam-byrne-data-engineer-3y", "layouts": ["txt"],
        "name": "Liam Byrne", "location": "Manchester, UK", "phone": "+44 161 496 0745",
        "summary": "Data engineer with three years of Python, SQL, Airflow, Spark and Snowflake.",
        "positions": [
            ("Data Engineer", "Irwell Grocers", "Sep 2024", None,
             ["Build Airflow DAGs that load point-of-sale data into Snowflake; dbt models on top.",
              "Rewrote the nightly stock job in PySpark, cutting it from four hours to forty minutes."]),
            ("Junior Data Engineer", "Pennine Analytics", "Sep 2023", "Aug 2024",
             ["Python and SQL pipelines; data quality checks with Great Expectations."]),
        ],
        "education": ["BSc Mathematics, University of Salford Quays (fictional), 2022"],
        "skills": ["Python", "SQL", "Apache Airflow", "Apache Spark", "PySpark", "Snowflake", "dbt"],
        "certs": [],
    },
    {
        "stem": "t14-aisha-bello-data-engineer-5y", "layouts": ["txt"],
        "name": "Aisha Bello", "location": "Leeds, UK", "phone": "+44 113 496 0512",
        "summary": "Data engineer, five years building batch and streaming pipelines on Airflow, Spark and "
                   "BigQuery.",
        "positions": [
            ("Data Engineer", "Aire Logistics", "Jan 2023", None,
             ["Own 120 Airflow DAGs loading BigQuery; Spark jobs on Dataproc; Kafka for shipment events."]),
            ("Data Engineer", "Kirkstall Media", "Nov 2021", "Dec 2022",
             ["Python and SQL ETL into BigQuery; Terraform for the data platform's infrastructure."]),
        ],
        "education": ["BSc Computer Science, Headingley University (fictional), 2021"],
        "skills": ["Python", "SQL", "Apache Airflow", "Apache Spark", "BigQuery", "Apache Kafka", "Terraform",
                   "GCP"],
        "certs": ["Google Professional Data Engineer"],
    },
    {
        "stem": "t15-marek-novak-data-engineer-11y", "layouts": ["txt"],
        "name": "Marek Novák", "location": "Prague, Czechia", "phone": "+420 2 555 0193",
        "summary": "Senior data engineer with thirteen years of pipelines: Python, SQL, Spark, Airflow, Snowflake.",
        "positions": [
            ("Senior Data Engineer", "Vltava Retail Group", "Mar 2020", None,
             ["Lead the data platform: 300 Airflow DAGs into Snowflake, Spark on EMR, Kafka ingestion.",
              "Introduced dbt and data contracts; mentor three data engineers."]),
            ("Data Engineer", "Moldau Telecom", "Feb 2015", "Feb 2020",
             ["Hadoop and Spark batch jobs in Python and Scala; Oozie, later Airflow."]),
            ("ETL Developer", "Brno Finance", "Sep 2013", "Jan 2015",
             ["SQL and Python ETL into an Oracle warehouse."]),
        ],
        "education": ["Ing. (MSc) Computer Science, Czech Technical Institute (fictional), 2013"],
        "skills": ["Python", "SQL", "Apache Spark", "Apache Airflow", "Snowflake", "Apache Kafka", "dbt", "Scala",
                   "AWS", "Terraform"],
        "certs": [],
    },
    {
        "stem": "t16-jonas-keller-sre", "layouts": ["txt"],
        "name": "Jonas Keller", "location": "Berlin, Germany", "phone": "+49 30 555 01987",
        "summary": "Site reliability engineer: seven years running Kubernetes on AWS with Terraform, Prometheus "
                   "and Grafana.",
        "positions": [
            ("Senior Site Reliability Engineer", "Spree Payments", "Jun 2022", None,
             ["Run 14 EKS clusters on AWS, all managed with Terraform; on-call for the payment platform.",
              "Built SLO dashboards and alerting in Prometheus and Grafana; lead post-mortems.",
              "Wrote a Go operator that rotates database credentials."]),
            ("Platform Engineer", "Havel Hosting", "Oct 2019", "May 2022",
             ["Linux fleet automation with Ansible and Python; moved services to Kubernetes."]),
        ],
        "education": ["BSc Computer Science, Potsdam University of Applied Sciences (fictional), 2019"],
        "skills": ["Kubernetes", "Terraform", "AWS", "Prometheus", "Grafana", "Linux", "Go", "Python", "Ansible",
                   "GitHub Actions"],
        "certs": ["Certified Kubernetes Administrator (CKA)"],
    },
    {
        "stem": "t17-ewa-zielinska-devops-azure", "layouts": ["txt"],
        "name": "Ewa Zielińska", "location": "Kraków, Poland", "phone": "+48 12 555 0144",
        "summary": "DevOps engineer, seven years: Azure, Ansible, Jenkins, Linux, Docker.",
        "positions": [
            ("DevOps Engineer", "Wawel Software House", "Apr 2021", None,
             ["Maintain Jenkins pipelines and Ansible playbooks for 200 Linux VMs on Azure.",
              "Containerised legacy services with Docker; monitoring with Zabbix; on-call rotation."]),
            ("Linux Administrator", "Vistula Bank", "Sep 2019", "Mar 2021",
             ["Patched and hardened Red Hat servers; Bash and Python scripts."]),
        ],
        "education": ["BSc Computer Networks, Kraków Technical College (fictional), 2019"],
        "skills": ["Azure", "Ansible", "Jenkins", "Linux", "Docker", "Bash", "Python", "Zabbix"],
        "certs": [],
    },
    {
        "stem": "t18-sofia-lund-product-manager", "layouts": ["txt"],
        "name": "Sofia Lund", "location": "Amsterdam, Netherlands", "phone": "+31 20 555 0129",
        "summary": "Senior product manager with seven years on B2B SaaS products for operations teams.",
        "positions": [
            ("Senior Product Manager", "Grachten Field Services", "Feb 2022", None,
             ["Own the roadmap of the scheduling product (team of nine engineers and two designers).",
              "Run discovery: 80 customer interviews a year, usability tests with dispatchers.",
              "Define success metrics and analyse usage with SQL and Amplitude."]),
            ("Product Manager", "Polder Logistics Software", "Jan 2019", "Jan 2022",
             ["Shipped route planning and driver app features to 300 paying customers; Scrum teams."]),
        ],
        "education": ["MSc Business Informatics, Amstel University (fictional), 2018"],
        "skills": ["Product Management", "Product Discovery", "User Research", "Roadmapping", "SQL", "Amplitude",
                   "Scrum", "Jira"],
        "certs": [],
    },
    {
        "stem": "t19-noah-fischer-product-designer", "layouts": ["txt"],
        "name": "Noah Fischer", "location": "Porto, Portugal", "phone": "+351 22 555 0181",
        "summary": "Product designer with six years designing web and mobile products, from research to "
                   "high-fidelity design.",
        "positions": [
            ("Senior Product Designer", "Ribeira Banking", "Mar 2023", None,
             ["Design the onboarding and payments flows of a mobile bank in Figma.",
              "Plan and run usability tests and interviews every sprint.",
              "Built the design system with two frontend engineers."]),
            ("UX/UI Designer", "Douro Digital Agency", "Sep 2020", "Feb 2023",
             ["Interaction and visual design for client web apps; prototypes in Figma."]),
        ],
        "education": ["BA Communication Design, Porto School of Arts (fictional), 2020"],
        "skills": ["Figma", "User Research", "Usability Testing", "Interaction Design", "Visual Design",
                   "Design Systems", "Prototyping", "HTML", "CSS"],
        "certs": [],
    },
    {
        "stem": "t20-ruth-adler-accountant-to-analyst", "layouts": ["txt"],
        "name": "Ruth Adler", "location": "Chicago, IL", "phone": "(312) 555-0176",
        "summary": "Accountant turned data analyst: four years of general ledger accounting, two years of "
                   "financial data analysis.",
        "positions": [
            ("Financial Data Analyst", "Lakefront Distribution", "Jan 2025", None,
             ["Build finance dashboards in Tableau and the SQL behind them.",
              "Automated the month-end variance report in Excel and SQL."]),
            ("Staff Accountant", "Wacker Components", "Jul 2020", "Dec 2024",
             ["Prepared journal entries, accruals and balance-sheet reconciliations in NetSuite.",
              "Ran month-end close tasks under US GAAP; prepared audit schedules."]),
        ],
        "education": ["BS Accounting, Lake Michigan State University (fictional), 2020"],
        "skills": ["General Ledger", "US GAAP", "Account Reconciliation", "NetSuite", "Excel", "SQL", "Tableau"],
        "certs": [],
    },
    {
        "stem": "t21-victor-hale-engineering-manager", "layouts": ["txt"],
        "name": "Victor Hale", "location": "Manchester, UK", "phone": "+44 161 496 0310",
        "summary": "Engineering manager with fourteen years in software, the last six managing backend teams "
                   "(Python and Go).",
        "positions": [
            ("Engineering Manager", "Salford Health Cloud", "Jan 2020", None,
             ["Manage two backend teams (eleven engineers) building Python and Go services on AWS.",
              "Hiring, performance reviews and career plans; run the incident review process."]),
            ("Senior Software Engineer", "Mersey Ticketing", "Jun 2012", "Dec 2019",
             ["Built Python (Django) and later Go services over PostgreSQL; tech lead from 2017."]),
        ],
        "education": ["BSc Computer Science, University of Mancunia (fictional), 2012"],
        "skills": ["People Management", "Hiring", "Python", "Django", "Go", "PostgreSQL", "AWS"],
        "certs": [],
    },
]


def date_range(start, end):
    return f"{start} - {end if end else 'Present'}"


def render_txt(p):
    lines = [p["name"], p["location"], f"{email(p)} | {p['phone']}", "", "SUMMARY", p["summary"], "",
             "EXPERIENCE"]
    for title, company, start, end, bullets in p["positions"]:
        lines.append(f"{title}, {company}   {date_range(start, end)}")
        lines += [f"- {b}" for b in bullets]
    lines += ["", "EDUCATION"] + p["education"] + ["", "SKILLS", ", ".join(p["skills"])]
    if p["certs"]:
        lines += ["", "CERTIFICATIONS"] + p["certs"]
    return "\n".join(lines) + "\n"


def render_md(p):
    lines = [f"# {p['name']}", "", f"{p['location']} · {email(p)} · {p['phone']}", "", "## Profile", "",
             p["summary"], "", "## Work history", ""]
    for title, company, start, end, bullets in p["positions"]:
        lines += [f"### {title} — {company}", f"*{date_range(start, end)}*", ""]
        lines += [f"* {b}" for b in bullets] + [""]
    lines += ["## Education", ""] + [f"* {e}" for e in p["education"]] + ["", "## Skills", ""]
    lines += [" · ".join(p["skills"])]
    if p["certs"]:
        lines += ["", "## Certifications", ""] + [f"* {c}" for c in p["certs"]]
    return "\n".join(lines) + "\n"


def email(p):
    ascii_name = p["name"].lower().encode("ascii", "ignore").decode().replace(" ", ".")
    return f"{ascii_name}@example.com"


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    for old in OUT.iterdir():
        if old.suffix in (".txt", ".md"):
            old.unlink()
    renderers = {"txt": render_txt, "md": render_md}
    count = 0
    for p in PEOPLE:
        for layout in p["layouts"]:
            (OUT / f"{p['stem']}.{layout}").write_text(renderers[layout](p), encoding="utf-8")
            count += 1
    print(f"wrote {count} files for {len(PEOPLE)} people into {OUT}")


if __name__ == "__main__":
    main()

package io.sanjiaodi.interview.query.interviews;

import io.sanjiaodi.platform.Refusal;
import io.sanjiaodi.platform.security.Actor;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

@Service
public class InterviewQueries {

    private final MongoTemplate mongo;

    public InterviewQueries(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Filters as typed values only: a request parameter can never become a query operator. */
    public record Filter(String jurisdictionId, Integer year, String status, String cadreLevel, String unitId) {}

    /** The interview if the query model has it yet (scope checks; no 404). */
    public Optional<InterviewView> lookup(String interviewId) {
        return Optional.ofNullable(mongo.findById(interviewId, InterviewView.class));
    }

    public InterviewView get(String interviewId) {
        InterviewView view = mongo.findById(interviewId, InterviewView.class);
        if (view == null) {
            throw Refusal.notFound("INTERVIEW_NOT_FOUND", "no interview " + interviewId);
        }
        return view;
    }

    /** One page of the interviews the filter and the reader's scope admit: the scope is applied before paging. */
    public List<InterviewView> find(Filter filter, Actor.Scope scope, int page, int size) {
        Criteria criteria = new Criteria();
        eq(criteria, "jurisdictionId", filter.jurisdictionId());
        eq(criteria, "year", filter.year());
        eq(criteria, "status", filter.status());
        eq(criteria, "cadreLevel", filter.cadreLevel());
        eq(criteria, "unitId", filter.unitId());
        Criteria scoped = new Criteria()
                .andOperator(criteria, Criteria.where(scope.field()).in(scope.values()));
        Query query = Query.query(scoped)
                .with(Sort.by(Sort.Direction.DESC, "plannedDate").and(Sort.by("_id")))
                .skip((long) page * size)
                .limit(size);
        return mongo.find(query, InterviewView.class);
    }

    public List<ListRevision> history(String interviewId) {
        get(interviewId);
        return mongo.find(
                Query.query(Criteria.where("interviewId").is(interviewId)).with(Sort.by("listVersion")),
                ListRevision.class);
    }

    private static void eq(Criteria criteria, String field, Object value) {
        if (value != null) {
            criteria.and(field).is(value);
        }
    }
}

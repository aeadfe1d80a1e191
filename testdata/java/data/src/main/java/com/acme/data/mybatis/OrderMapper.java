package com.acme.data.mybatis;

import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.ibatis.mapping.StatementType;

/** Methods with SQL in annotations, and methods whose SQL is in OrderMapper.xml. */
@Mapper
public interface OrderMapper {
    Order getOrder(long id);

    List<Order> search(@Param("status") String status, @Param("ids") List<Long> ids);

    void insertOrder(Order order);

    void markShipped(long id);

    void purge(java.time.LocalDate before);

    @Select("SELECT id, total FROM orders WHERE customer_id = #{customerId}")
    List<Order> byCustomer(long customerId);

    @Insert({"INSERT INTO order_notes (order_id, note)", "VALUES (#{orderId}, #{note})"})
    void addNote(@Param("orderId") long orderId, @Param("note") String note);

    @Update("<script>UPDATE order_totals <set><if test='total != null'>total = #{total},</if></set> WHERE id = #{id}</script>")
    void patch(Order order);

    @Delete("DELETE FROM order_notes WHERE order_id = #{id}")
    void clearNotes(long id);

    @Select("{call refresh_order_stats()}")
    @Options(statementType = StatementType.CALLABLE)
    void refreshStats();
}
